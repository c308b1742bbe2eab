import { signOut } from "@/lib/auth/config";
import { errorResponse } from "@/lib/actions/route";
import { isSameOriginRequest } from "@/lib/actions/same-origin";
import { AppError } from "@/lib/errors";

// Sign-out for pages outside the App Router (the technician app posts its form here).
// 303 so the browser follows with a GET.
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return errorResponse(new AppError("FORBIDDEN", "Sign out from Fieldgate itself."));
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { Location: "/signin" } });
}
