/** The broker's profile and preferences, one row in `profile`. */
import type { Database } from 'better-sqlite3';
import type { Profile } from '../../core/api/contract';

interface ProfileRow {
  broker_name: string;
  license_number: string;
  address: string;
  phone: string;
  footer_text: string;
  default_country: Profile['defaultCountry'];
  language: Profile['language'];
}

export class ProfileService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(): Profile | null {
    const row = this.db.prepare('SELECT * FROM profile WHERE id = 1').get() as ProfileRow | undefined;
    if (!row) return null;
    return {
      brokerName: row.broker_name,
      licenseNumber: row.license_number,
      address: row.address,
      phone: row.phone,
      footerText: row.footer_text,
      defaultCountry: row.default_country,
      language: row.language,
    };
  }

  save(profile: Profile): Profile {
    this.db
      .prepare(
        `INSERT INTO profile (id, broker_name, license_number, address, phone, footer_text, default_country, language, updated_at)
         VALUES (1, @brokerName, @licenseNumber, @address, @phone, @footerText, @defaultCountry, @language, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET
           broker_name = excluded.broker_name, license_number = excluded.license_number,
           address = excluded.address, phone = excluded.phone, footer_text = excluded.footer_text,
           default_country = excluded.default_country, language = excluded.language,
           updated_at = excluded.updated_at`,
      )
      .run({ ...profile, updatedAt: this.now().toISOString() });
    return this.get()!;
  }
}
