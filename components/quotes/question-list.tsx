import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";

type TQuestion = {
  id: string;
  question: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  toAll: boolean;
  askedBy: string;
};

// Bidders' questions on a request, who asked and when (staff only), each answered once:
// to the bidder that asked, or to every bidder without naming who asked.
export function QuestionList({
  questions,
  clock,
  answer,
}: {
  questions: TQuestion[];
  clock: TReaderClock;
  answer?: TFormAction;
}) {
  if (questions.length === 0) return <p className="muted">No bidder has asked a question.</p>;
  return (
    <ul className="plain-list question-list" data-testid="quote-questions">
      {questions.map((q) => (
        <li key={q.id}>
          <p>
            <strong>{q.askedBy}</strong> <small className="hint">asked {formatStamp(q.askedAt, clock)}</small>
          </p>
          <p className="prewrap">“{q.question}”</p>
          {q.answer !== null ? (
            <p className="prewrap">
              <strong>Answered {q.toAll ? "to every bidder" : "to them only"}</strong>{" "}
              <small className="hint">{formatStamp(q.answeredAt, clock)}</small>: {q.answer}
            </p>
          ) : answer ? (
            <ActionForm action={answer} toast="Answer sent." testId="question-answer-form">
              <input type="hidden" name="questionId" value={q.id} />
              <Field name="answer" label="Your answer" inputId={`answer-${q.id}`}>
                <textarea id={`answer-${q.id}`} name="answer" rows={2} />
              </Field>
              <label className="checkbox">
                <input type="checkbox" name="toAll" /> Answer to every bidder (they are not told who asked)
              </label>
              <SubmitButton>Send answer</SubmitButton>
            </ActionForm>
          ) : (
            <p className="muted">Not answered.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
