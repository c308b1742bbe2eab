import { connection } from "next/server";
import type { ReactNode } from "react";
import { ReaderZoneCookie } from "@/components/ui/reader-zone-cookie";
import "./globals.css";

export const metadata = {
  title: "Fieldgate",
  description: "Work orders for organisations and their contractors",
  icons: { icon: "/favicon.svg" },
};

// Every page is rendered per request, so each carries the nonce of its
// Content-Security-Policy (proxy.ts); a page prerendered at build time could not.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        {children}
        <ReaderZoneCookie />
      </body>
    </html>
  );
}
