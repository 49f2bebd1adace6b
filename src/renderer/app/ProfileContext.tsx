/**
 * The broker's profile, loaded once for the whole app: the Settings screen edits it, and the
 * frame's language switch writes the chosen language into it so the choice persists.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError, ApiResponse, Language, Profile } from '../../core/api/contract';
import { call } from '../api/client';
import { applyLanguage, currentLanguage } from '../i18n';

export type ProfileState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; profile: Profile | null };

interface ProfileStore {
  state: ProfileState;
  reload(): void;
  save(profile: Profile): Promise<ApiResponse<Profile>>;
  /** Switches the interface at once, then stores the choice in the profile when there is one. */
  setLanguage(language: Language): Promise<void>;
  /** Why the last language switch could not be stored; null when it was. */
  languageError: ApiError | null;
}

const ProfileContext = createContext<ProfileStore | null>(null);

export function ProfileProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ProfileState>({ status: 'loading' });
  const [languageError, setLanguageError] = useState<ApiError | null>(null);
  // The latest saved profile, read by setLanguage without re-creating the callback on each save.
  const savedProfile = useRef<Profile | null>(null);

  // Bumped by reload(); each attempt loads once, and a superseded attempt's answer is dropped.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void call('profile.get', {}).then(async (response) => {
      if (!current) return;
      if (!response.ok) {
        setState({ status: 'failed', error: response.error });
        return;
      }
      savedProfile.current = response.value;
      if (response.value) await applyLanguage(response.value.language);
      if (current) setState({ status: 'ready', profile: response.value });
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const save = useCallback(async (profile: Profile) => {
    const response = await call('profile.save', profile);
    if (response.ok) {
      savedProfile.current = response.value;
      setState({ status: 'ready', profile: response.value });
      setLanguageError(null);
      if (response.value.language !== currentLanguage()) await applyLanguage(response.value.language);
    }
    return response;
  }, []);

  const setLanguage = useCallback(async (language: Language) => {
    await applyLanguage(language);
    const profile = savedProfile.current;
    // Before the first save there is no profile to hold the choice; the Settings form picks up
    // the current language as its default, so the first save stores it.
    if (!profile || profile.language === language) {
      setLanguageError(null);
      return;
    }
    const response = await call('profile.save', { ...profile, language });
    if (response.ok) {
      savedProfile.current = response.value;
      setState({ status: 'ready', profile: response.value });
      setLanguageError(null);
    } else {
      setLanguageError(response.error);
    }
  }, []);

  const store = useMemo<ProfileStore>(
    () => ({
      state,
      reload: () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
      save,
      setLanguage,
      languageError,
    }),
    [state, save, setLanguage, languageError],
  );

  return <ProfileContext.Provider value={store}>{children}</ProfileContext.Provider>;
}

export function useProfile(): ProfileStore {
  const store = useContext(ProfileContext);
  if (!store) throw new Error('useProfile outside ProfileProvider');
  return store;
}
