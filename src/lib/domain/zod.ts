import { z } from 'zod';

// zod 4 compiles parsers with `new Function` unless told not to; the app's CSP forbids eval.
z.config({ jitless: true });

export { z };
