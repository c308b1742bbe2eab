// What a request may carry; apart from the schemas so the form's page ships no validator.
export const MAX_WINDOWS = 5;
export const MAX_REQUEST_PHOTOS = 5;
export const MAX_REQUEST_PHOTO_BYTES = 5 * 1024 * 1024;
