import '../index.css';
import { mountSignIn } from './mount-sign-in';

// The sign-in page's entry (login.html); the SPA's is src/main.tsx.
void mountSignIn(document.getElementById('root')!);
