import { withoutSignIn } from "@/lib/actions/route";

export const dynamic = "force-dynamic";

// The technician app's reachability probe while it holds unsent work: answered without
// the database or a session, so it is cheap to ask every few seconds.
export const GET = withoutSignIn(async () => ({ reachable: true }));
