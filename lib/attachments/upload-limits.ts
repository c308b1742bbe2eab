// The largest upload, checked in the browser before sending (components/ui/file-input.tsx)
// and again by the server. No zod here: this is part of every page's script.
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const tooLargeMessage = (limit = MAX_UPLOAD_BYTES) =>
  `The file is larger than ${limit / 1024 / 1024} MB. Choose a smaller one.`;
