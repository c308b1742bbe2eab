import type { MetadataRoute } from "next";
import { TECH_BACKGROUND_COLOR, TECH_THEME_COLOR } from "@/components/pwa/app-colors";

// Served at /manifest.webmanifest; Next links it from every page (a manifest file route
// can only live at the app root), but it describes the technician app only.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Fieldgate Technician",
    short_name: "Fieldgate",
    description: "Your tasks on site, with or without a network",
    id: "/tech",
    start_url: "/tech",
    scope: "/",
    display: "standalone",
    theme_color: TECH_THEME_COLOR,
    background_color: TECH_BACKGROUND_COLOR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
