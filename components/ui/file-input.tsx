import type { InputHTMLAttributes } from "react";
import { MAX_UPLOAD_BYTES, tooLargeMessage } from "@/lib/attachments/upload-limits";

// A file field its form checks before sending (ActionForm): a file over the limit gets a
// message beside the field instead of a request the server cannot take.
export function FileInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return <input {...props} type="file" data-max-bytes={MAX_UPLOAD_BYTES} />;
}

// Files bigger than their field allows (FileInput), by field name; null when none are.
export function oversizedFiles(form: HTMLFormElement): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"][data-max-bytes]')) {
    const limit = Number(input.dataset.maxBytes);
    if ([...(input.files ?? [])].some((file) => file.size > limit)) errors[input.name] = [tooLargeMessage(limit)];
  }
  return Object.keys(errors).length ? errors : null;
}
