import { z } from 'zod';

// The portal's pages run under a content security policy without 'unsafe-eval' (issue 6, defect
// 13). zod's JIT probes for eval with `new Function` at the first object it parses; the probe is
// caught, but Chromium still reports it as a violation. Every contract schema is built from this
// configured zod, so the SPA never probes.
z.config({ jitless: true });

export { z };
