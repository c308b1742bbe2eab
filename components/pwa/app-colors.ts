// The installed technician app's colours, from app/globals.css: the top bar's colour tints
// the status bar, the page background (--bg) fills the splash screen.
export const TECH_THEME_COLOR = "#101828";
export const TECH_BACKGROUND_COLOR = "#f4f5f7";
