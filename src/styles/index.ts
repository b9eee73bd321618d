export { tokenStyles } from './tokens.js';
export { baseStyles } from './base.js';
