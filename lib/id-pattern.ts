// Record ids are cuids (lib/ids.ts); apart so the technician app's bundle can check them too.
export const ID_PATTERN = /^c[a-z0-9]{20,40}$/;
