import { withActor } from "@/lib/actions/route";
import { MAX_UPLOAD_BYTES } from "@/lib/attachments/inspect-upload";
import { invalidInput } from "@/lib/errors";
import { uploadPhoto, ZPhotoTargetSchema } from "@/lib/sync/upload-photo";

// PUT the photo's bytes; the address names the photo, so a repeated PUT is harmless.
export const PUT = withActor("tech", async (actor, request, params: { photoId: string }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const target = ZPhotoTargetSchema.safeParse({ ...query, photoId: params.photoId });
  if (!target.success) throw invalidInput(`Malformed photo upload: ${target.error.issues[0]?.message ?? "invalid"}`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) throw invalidInput("The photo is too large.");
  const bytes = new Uint8Array(await request.arrayBuffer());
  const result = await uploadPhoto(actor, target.data, bytes);
  return Response.json(result, { status: result.created ? 201 : 200 });
});
