import type { InputHTMLAttributes } from "react";
import { MAX_UPLOAD_BYTES } from "@/lib/attachments/upload-limits";

// A file field its form checks before sending (ActionForm): a file over the limit gets a
// message beside the field instead of a request the server cannot take.
export function FileInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return <input {...props} type="file" data-max-bytes={MAX_UPLOAD_BYTES} />;
}
