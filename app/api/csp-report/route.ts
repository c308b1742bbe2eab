import { withoutSignIn } from "@/lib/actions/route";
import { readLimitedBody } from "@/lib/attachments/read-limited-body";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import { invalidInput } from "@/lib/errors";
import { recordCspReport } from "@/lib/security/record-csp-report";

// Browsers post here what the Content-Security-Policy blocked (proxy.ts names this address).
export const POST = withoutSignIn(
  async (request) => {
    const body = await readLimitedBody(request, "The report", 64 * 1024);
    let report: unknown;
    try {
      report = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw invalidInput("The report must be JSON.");
    }
    await recordCspReport(report, metaFromHeaders(request.headers));
    return new Response(null, { status: 204 });
  },
  { accepts: ["application/csp-report", "application/json"], anyOrigin: true },
);
