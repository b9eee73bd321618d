// The JSX types of the memorial-* tags (type-only). The negative type-check
// (demo/shared/check-types.mjs) leaves this one file out and expects the type-check to fail.
import type {} from 'memorial-elements/react';
