import { withActor } from "@/lib/actions/route";
import { readLimitedBody } from "@/lib/attachments/read-limited-body";
import { invalidInput } from "@/lib/errors";
import { uploadPhoto, ZPhotoTargetSchema } from "@/lib/sync/upload-photo";

// PUT the photo's bytes; the address names the photo, so a repeated PUT is harmless.
export const PUT = withActor(
  "tech",
  "task.work",
  async (actor, request, params: { photoId: string }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const target = ZPhotoTargetSchema.safeParse({ ...query, photoId: params.photoId });
    if (!target.success) throw invalidInput(`Malformed photo upload: ${target.error.issues[0]?.message ?? "invalid"}`);
    const result = await uploadPhoto(actor, target.data, await readLimitedBody(request, "The photo"));
    return Response.json(result, { status: result.created ? 201 : 200 });
  },
  { accepts: ["image/"] },
);
