import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import type { TActionResult } from "@/lib/actions/result";
import type { TLineComment } from "@/lib/estimates/line-comments";
import { formatStamp } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;

const AUTHOR = { CUSTOMER: "Customer", STAFF: "Staff", CONTRACTOR: "Contractor" } as const;

// The conversation on one estimate line: the customer's comments and the replies of staff
// and the contractor. A reply reaches the customer on their link and by email; a manager
// can delete a comment, which stays listed as deleted.
export function LineComments({
  comments,
  lineId,
  reply,
  remove,
  clock,
}: {
  clock: TReaderClock;
  comments: TLineComment[];
  lineId: string;
  reply?: TAction;
  remove?: TAction;
}) {
  if (comments.length === 0 && !reply) return null;
  return (
    <div className="line-conversation">
      {comments.length > 0 && (
        <ul className="comment-list" aria-label="Comments on this line">
          {comments.map((comment) => (
            <li
              key={comment.id}
              className={`comment comment-${comment.author.toLowerCase()}`}
              data-testid="line-comment"
            >
              <small className="hint">
                {AUTHOR[comment.author]}: {comment.authorName}, {formatStamp(comment.createdAt, clock)}
              </small>
              {comment.body === null ? (
                <p className="muted">
                  Deleted by {comment.deletedByName}
                  {comment.deletedAt ? `, ${formatStamp(comment.deletedAt, clock)}` : ""}.
                </p>
              ) : (
                <p className="prewrap">{comment.body}</p>
              )}
              {remove && comment.body !== null && (
                <ActionForm
                  action={remove}
                  className="inline-form"
                  toast="Comment deleted; it stays listed as deleted."
                >
                  <input type="hidden" name="commentId" value={comment.id} />
                  <SubmitButton variant="secondary">Delete</SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {reply && comments.length > 0 && (
        <details>
          <summary>Reply</summary>
          <ActionForm action={reply} toast="Reply sent; the customer is emailed.">
            <input type="hidden" name="lineId" value={lineId} />
            <Field name="body" label="Your reply" inputId={`reply-${lineId}`}>
              <textarea id={`reply-${lineId}`} name="body" rows={2} maxLength={2000} />
            </Field>
            <SubmitButton variant="secondary">Send reply</SubmitButton>
          </ActionForm>
        </details>
      )}
    </div>
  );
}
