// Filled in by this module's implementation.
export const Query = {};
