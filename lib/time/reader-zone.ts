// The zone a page's reader is in, as their browser reports it (set by
// components/ui/reader-zone-cookie.tsx): the server cannot know it otherwise.
export const READER_ZONE_COOKIE = "fg-tz";

// How a page shows moments: in the reader's zone when the browser has said which it is,
// otherwise in a stated zone (the organisation's), named on every time shown.
export type TReaderClock = { zone: string; readerZone: string | null };
