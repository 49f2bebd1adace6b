import { Frame } from './app/Frame';
import { ProfileProvider } from './app/ProfileContext';

export function App() {
  return (
    <ProfileProvider>
      <Frame />
    </ProfileProvider>
  );
}
