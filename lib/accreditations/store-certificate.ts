import "server-only";
import { withStoredUpload, type TUploadRule } from "@/lib/attachments/store-upload";
import { db, type TTx } from "@/lib/db";

const CERTIFICATE: TUploadRule = {
  accepts: (contentType) => contentType === "application/pdf" || contentType.startsWith("image/"),
  refusal: "Upload the certificate as a PDF or a photo (JPEG, PNG, WebP, HEIC)",
};

// Stores a certificate as the company's document and, in the same transaction, lets
// `record` write the accreditation that points at it. Nothing is kept if either fails.
export async function storeCertificate<T>(
  uploader: { userId: string },
  companyId: string,
  file: File,
  record: (tx: TTx, documentId: string) => Promise<T>,
): Promise<T> {
  return withStoredUpload(file, `contractors/${companyId}`, CERTIFICATE, (upload) =>
    db.$transaction(async (tx) => {
      const document = await tx.attachment.create({
        data: { ...upload, kind: "ACCREDITATION", contractorCompanyId: companyId, uploadedById: uploader.userId },
      });
      return record(tx, document.id);
    }),
  );
}
