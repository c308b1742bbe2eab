import { withEveryRole } from "@/lib/actions/route";
import { downloadResponse } from "@/lib/attachments/download-response";
import { readAttachmentInAnyRole } from "@/lib/attachments/list-attachments";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";

export const dynamic = "force-dynamic";

export const GET = withEveryRole(
  { staff: "workOrder.read", desk: "task.read", tech: "task.work" },
  async (actors, _request, params: { id: string }) => {
    if (!isId(params.id)) throw notFound("File");
    const attachment = await readAttachmentInAnyRole(actors, params.id);
    if (!attachment) throw notFound("File");
    return downloadResponse(attachment);
  },
);
