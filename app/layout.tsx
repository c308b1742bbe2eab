import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "Fieldgate", description: "Work orders for organisations and their contractors", icons: { icon: "/favicon.svg" } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
