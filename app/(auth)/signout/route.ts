import { withSignedInUser } from "@/lib/actions/route";
import { endCurrentSession } from "@/lib/auth/end-session";

// Sign-out for pages outside the App Router (the technician app posts its form here).
// 303 so the browser follows with a GET.
export const POST = withSignedInUser(
  async () => {
    await endCurrentSession();
    return new Response(null, { status: 303, headers: { Location: "/signin" } });
  },
  { page: true },
);
