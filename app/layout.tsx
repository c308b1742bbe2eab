import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "Fieldgate", description: "Work orders for organisations and their contractors" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
