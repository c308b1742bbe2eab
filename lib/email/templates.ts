import "server-only";
// Every email Fieldgate sends, rendered to HTML and plain text from one definition.
export type TEmailTemplate =
  | { template: "sign-in-link"; data: { name: string; url: string; minutes: number } }
  | {
      // A visit booked, moved or cancelled, with its calendar invitation attached.
      template: "visit-invitation";
      data: {
        change: "booked" | "rescheduled" | "cancelled";
        greeting: string;
        title: string;
        place: string;
        when: string;
        previousWhen: string | null;
        contractorName: string;
        reason: string | null;
        url: string | null;
        linkLabel: string;
      };
    }
  | {
      template: "visit-reminder";
      data: {
        greeting: string;
        day: "tomorrow" | "today";
        title: string;
        place: string;
        when: string;
        contractorName: string;
        url: string | null;
      };
    }
  | {
      // To the tenant: the request is in; the link follows it.
      template: "tenant-request-received";
      data: { name: string; clientName: string; summary: string; emergencyPhone: string | null; url: string };
    }
  | {
      // To the tenant: the contractor proposes a time outside their windows, or their new
      // windows no longer hold the booked one; they confirm it through their link.
      template: "visit-needs-confirmation";
      data: { name: string; clientName: string; when: string; contractorName: string; url: string };
    }
  | {
      // To the contractor's office: the tenant changed when they can be there.
      template: "tenant-availability-changed";
      data: {
        clientName: string;
        title: string;
        windows: string[];
        bookedOutside: string | null;
        url: string;
      };
    }
  | {
      // To the contractor's office and the client's staff: the tenant withdrew the request.
      template: "tenant-request-cancelled";
      data: { clientName: string; title: string; reason: string | null; url: string };
    }
  | {
      template: "task-offered";
      data: { clientName: string; workOrderNumber: number; title: string; siteName: string; url: string };
    }
  | {
      template: "technician-assigned";
      // clientName is absent from emails queued before it was added.
      data: {
        name: string;
        tasks: { title: string; siteName: string; when: string | null; clientName?: string }[];
        url: string;
      };
    }
  | {
      template: "technician-removed";
      data: { name: string; tasks: { title: string; siteName: string; clientName: string }[] };
    }
  | {
      template: "estimate-approved";
      // notToExceed is formatted in the client's currency when queued.
      data: {
        clientName: string;
        workOrderNumber: number;
        title: string;
        lines: string[];
        notToExceed: string;
        url: string;
      };
    }
  | {
      // The counted lines changed without a manager's approval (the customer decided, or a
      // line was replaced): the new amount and scope.
      template: "estimate-scope-changed";
      data: {
        clientName: string;
        workOrderNumber: number;
        title: string;
        lines: string[];
        notToExceed: string;
        url: string;
      };
    }
  | {
      template: "invoice-submitted";
      data: {
        companyName: string;
        number: string;
        revision: number;
        total: string;
        differences: string[];
        url: string;
      };
    }
  | {
      template: "invoice-decided";
      data: {
        clientName: string;
        number: string;
        decision: "approved" | "disputed" | "rejected";
        total: string;
        reasons: string[];
        url: string;
      };
    }
  | {
      template: "rate-card-news";
      // What happened to a version of the terms, told to the side that did not act.
      data: {
        fromName: string;
        news: "proposed" | "countered" | "accepted" | "rejected";
        version: number;
        trade: string | null;
        terms: string[];
        url: string;
      };
    }
  | {
      template: "nte-increase-requested";
      data: {
        companyName: string;
        workOrderNumber: number;
        title: string;
        reason: string;
        lines: string[];
        from: string;
        to: string;
        url: string;
      };
    }
  | {
      template: "nte-increase-decided";
      data: {
        clientName: string;
        workOrderNumber: number;
        title: string;
        decision: "approved" | "rejected";
        notToExceed: string;
        note: string | null;
        url: string;
      };
    }
  | {
      template: "task-cancelled";
      data: { clientName: string; workOrderNumber: number; title: string; reason: string; url: string };
    }
  | {
      template: "task-updated";
      data: { clientName: string; workOrderNumber: number; title: string; changes: string[]; url: string };
    }
  | {
      template: "message-posted";
      data: { from: string; workOrderNumber: number; title: string; body: string; url: string };
    }
  | { template: "person-invited"; data: { name: string; companyName: string; invitedBy: string; url: string } }
  | { template: "person-invitation"; data: { companyName: string; invitedBy: string; role: string; url: string } }
  | { template: "contractor-invited"; data: { name: string; clientName: string; companyName: string; url: string } }
  | {
      // To a customer: someone replied to their comment on an estimate line. No link: the
      // reply is read through the link they were sent.
      template: "estimate-comment-reply";
      data: { clientName: string; title: string; line: string; author: string; excerpt: string };
    }
  | {
      // view: the view's label; message: the sender's own words, if any.
      template: "portal-link";
      data: {
        clientName: string;
        title: string;
        url: string;
        expiresAt: string;
        view?: string;
        purpose?: string;
        message?: string | null;
        senderName?: string;
      };
    }
  | {
      // A manager's copy of a customer's link: who it went to and the link's ending only.
      template: "portal-link-copy";
      data: {
        clientName: string;
        title: string;
        view: string;
        recipients: string[];
        linkEnding: string;
        expiresAt: string;
        senderName: string;
        url: string;
      };
    }
  | {
      // To the managers: a customer whose link expired asks for a new one.
      template: "portal-new-link-asked";
      data: { title: string; who: string; view: string; why: string; url: string };
    }
  | {
      // What changed for every invitee: cancelled (with the reason) or a new deadline.
      template: "quote-request-changed";
      data: { clientName: string; title: string; change: "cancelled" | "deadline"; detail: string };
    }
  | {
      template: "quote-awarded";
      data: { clientName: string; title: string; gross: string; plannedOn: string; url: string };
    }
  | {
      // rank: "your price was the 2nd lowest of 4"; never the winner or another price.
      template: "quote-not-awarded";
      data: { clientName: string; title: string; rank: string | null };
    }
  | {
      template: "quote-invitation";
      // deadline: on the site's clock, named; place: the site's town (its address is in the request).
      data: { clientName: string; title: string; place: string; deadline: string; url: string; greeting: string };
    }
  | {
      // 24 hours before the deadline, to an invitee that has not answered.
      template: "quote-reminder";
      data: { clientName: string; title: string; deadline: string; url: string };
    }
  | {
      // A question answered to every invitee, never saying who asked.
      template: "quote-question-answered";
      data: { clientName: string; title: string; question: string; answer: string; url: string };
    }
  | {
      // The request changed after it was sent: what changed, field by field.
      template: "quote-request-revised";
      data: { clientName: string; title: string; changes: string[]; url: string };
    }
  | { template: "password-reset"; data: { name: string; companyName: string; resetBy: string; url: string } };

export type TRenderedEmail = { subject: string; html: string; text: string };

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

// Every email has one action, except news that asks for none (a task taken away).
function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;background:#f3f4f6;padding:24px">
<div style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:32px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>${body}${action ? actionHtml(action) : ""}
</div><p style="font-size:12px;color:#6b7280;text-align:center">Sent by Fieldgate</p></body></html>`;
}

function actionHtml(action: { label: string; url: string }): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="font-size:12px;color:#6b7280">Or paste this address into your browser: ${escapeHtml(action.url)}</p>`;
}

function text(paragraphs: string[], action?: { label: string; url: string }): string {
  return `${paragraphs.join("\n\n")}\n\n${action ? `${action.label}: ${action.url}\n\n` : ""}-- Fieldgate\n`;
}

function render(subject: string, paragraphs: string[], action?: { label: string; url: string }): TRenderedEmail {
  return { subject, html: layout(subject, paragraphs, action), text: text(paragraphs, action) };
}

export function renderEmail(email: TEmailTemplate): TRenderedEmail {
  switch (email.template) {
    case "visit-invitation": {
      const { change, greeting, title, place, when, previousWhen, contractorName, reason, url, linkLabel } = email.data;
      const button = url ? { label: linkLabel, url } : undefined;
      if (change === "cancelled")
        return render(
          `Visit cancelled: ${title}, ${when}`,
          [
            `${greeting},`,
            `The visit by ${contractorName} for ${title} at ${place} on ${when} is cancelled.`,
            ...(reason ? [`Reason: ${reason}`] : []),
            "The attached invitation removes it from your calendar.",
          ],
          button,
        );
      return render(
        change === "booked" ? `Visit booked: ${title}, ${when}` : `Visit moved: ${title}, now ${when}`,
        [
          `${greeting},`,
          change === "booked"
            ? `${contractorName} will visit for ${title} at ${place} on ${when}.`
            : `The visit by ${contractorName} for ${title} at ${place} has moved from ${previousWhen} to ${when}.`,
          change === "booked"
            ? "The attached invitation adds it to your calendar."
            : "The attached invitation updates the event already in your calendar.",
        ],
        button,
      );
    }
    case "visit-reminder": {
      const { greeting, day, title, place, when, contractorName, url } = email.data;
      return render(
        `Reminder: visit ${day}, ${when}: ${title}`,
        [
          `${greeting},`,
          `${contractorName} visits ${place} ${day} (${when}) for ${title}.`,
          url
            ? "If you can no longer be there, say so through the link and give new times."
            : "The work order in Fieldgate has the details.",
        ],
        url ? { label: "Open the request", url } : undefined,
      );
    }
    case "tenant-request-received": {
      const { name, clientName, summary, emergencyPhone, url } = email.data;
      return render(
        `${clientName} received your request: ${summary}`,
        [
          `Hello ${name},`,
          `${clientName} received your maintenance request: ${summary}.`,
          ...(emergencyPhone
            ? [`You said it is an emergency. If you have not already, call ${emergencyPhone} now.`]
            : []),
          "The link below shows where it stands: who will come and when. You can change when you are available, or cancel the request. It is for you alone.",
        ],
        { label: "Follow my request", url },
      );
    }
    case "visit-needs-confirmation": {
      const { name, clientName, when, contractorName, url } = email.data;
      return render(
        `Please confirm the visit on ${when}`,
        [
          `Hello ${name},`,
          `${contractorName}, working for ${clientName}, proposes to visit on ${when}, which is not within the times you gave.`,
          "Confirm it, or give other times, through the link.",
        ],
        { label: "Confirm or change", url },
      );
    }
    case "tenant-availability-changed": {
      const { clientName, title, windows, bookedOutside, url } = email.data;
      return render(
        `The tenant changed their availability: ${title}`,
        [
          `The tenant of ${title} (${clientName}) can now be there:`,
          ...windows.map((w) => `• ${w}`),
          bookedOutside
            ? `The visit booked for ${bookedOutside} is outside these times: the tenant has been asked to confirm it, or book a time within them.`
            : "Book a time within them.",
        ],
        { label: "Open the task", url },
      );
    }
    case "tenant-request-cancelled": {
      const { clientName, title, reason, url } = email.data;
      return render(
        `The tenant cancelled the request: ${title}`,
        [
          `The tenant cancelled their request ${title} (${clientName}).`,
          ...(reason ? [`Their reason: ${reason}`] : []),
          "Any booked visit is cancelled; please do not attend.",
        ],
        { label: "Open it", url },
      );
    }
    case "sign-in-link": {
      const { name, url, minutes } = email.data;
      return render(
        "Your Fieldgate sign-in link",
        [
          `Hello ${name},`,
          `Use the button below to sign in to Fieldgate. The link works once and expires in ${minutes} minutes.`,
          "If you did not ask for it, you can ignore this email.",
        ],
        { label: "Sign in to Fieldgate", url },
      );
    }
    case "task-offered": {
      const { clientName, workOrderNumber, title, siteName, url } = email.data;
      return render(
        `New task from ${clientName}: #${workOrderNumber} ${title}`,
        [
          `${clientName} has assigned work order #${workOrderNumber} to your company.`,
          `${title} at ${siteName}.`,
          "Open the task to accept or decline it. The link signs you in; it works once and expires, and you can ask for a new one from the page.",
        ],
        { label: "Open the task", url },
      );
    }
    case "technician-assigned": {
      const { name, tasks, url } = email.data;
      const lines = tasks.map(
        (t) =>
          `• ${t.title} at ${t.siteName}${t.clientName ? ` for ${t.clientName}` : ""}${t.when ? ` (${t.when})` : ""}`,
      );
      const clients = [...new Set(tasks.map((t) => t.clientName).filter(Boolean))];
      const from = clients.length ? ` from ${clients.join(", ")}` : "";
      return render(
        tasks.length === 1
          ? `New task${from}: ${tasks[0].title} at ${tasks[0].siteName}`
          : `${tasks.length} new tasks${from}`,
        [
          `Hello ${name},`,
          "You have been assigned:",
          ...lines,
          "Open the Fieldgate technician app to see the details. The link signs you in.",
        ],
        { label: "Open my tasks", url },
      );
    }
    case "technician-removed": {
      const { name, tasks } = email.data;
      return render(
        tasks.length === 1
          ? `You are no longer on ${tasks[0].title} at ${tasks[0].siteName}`
          : `You are no longer on ${tasks.length} tasks`,
        [
          `Hello ${name},`,
          "Your office has taken you off:",
          ...tasks.map((t) => `• ${t.title} at ${t.siteName} for ${t.clientName}`),
          "It leaves your technician app at its next sync. Anything you recorded on it before, even offline, still reaches the office.",
        ],
      );
    }
    case "estimate-approved": {
      const { clientName, workOrderNumber, title, lines, notToExceed, url } = email.data;
      return render(
        `${clientName} approved the estimate for #${workOrderNumber} ${title}: not to exceed ${notToExceed}`,
        [
          `${clientName} approved the estimate for work order #${workOrderNumber} (${title}). The approved scope is now:`,
          ...lines.map((line) => `• ${line}`),
          `The not-to-exceed amount is now ${notToExceed}, before tax. Your invoice is checked against the approved lines.`,
        ],
        { label: "View the task", url },
      );
    }
    case "estimate-scope-changed": {
      const { clientName, workOrderNumber, title, lines, notToExceed, url } = email.data;
      return render(
        `The approved scope of #${workOrderNumber} ${title} changed: not to exceed ${notToExceed}`,
        [
          `The approved scope of work order #${workOrderNumber} (${title}) for ${clientName} changed. It is now:`,
          ...(lines.length ? lines.map((line) => `• ${line}`) : ["• nothing: no line is approved"]),
          `The not-to-exceed amount is now ${notToExceed}, before tax. Your invoice is checked against the approved lines.`,
        ],
        { label: "View the task", url },
      );
    }
    case "invoice-submitted": {
      const { companyName, number, revision, total, differences, url } = email.data;
      return render(
        `${companyName} submitted invoice ${number}${revision > 1 ? ` (revision ${revision})` : ""}: ${total}`,
        [
          `${companyName} submitted invoice ${number} for ${total} with tax.`,
          differences.length === 0
            ? "Fieldgate found no difference from the estimate, the rate card and the time and costs recorded."
            : `Fieldgate flagged ${differences.length === 1 ? "one difference" : `${differences.length} differences`}:`,
          ...differences.map((d) => `• ${d}`),
        ],
        { label: "Review the invoice", url },
      );
    }
    case "invoice-decided": {
      const { clientName, number, decision, total, reasons, url } = email.data;
      const summary = {
        approved: `${clientName} approved invoice ${number} (${total}).`,
        disputed: `${clientName} disputed invoice ${number} (${total}). Revise the lines below and submit it again:`,
        rejected: `${clientName} rejected invoice ${number} (${total}).`,
      }[decision];
      return render(
        `Invoice ${number} ${decision} by ${clientName}`,
        [summary, ...reasons.map((r) => (decision === "disputed" ? `• ${r}` : r))],
        { label: "Open the invoice", url },
      );
    }
    case "rate-card-news": {
      const { fromName, news, version, trade, terms, url } = email.data;
      const card = `rate card version ${version}${trade ? ` for ${trade}` : ""}`;
      const subject = {
        proposed: `${fromName} proposes ${card}`,
        countered: `${fromName} answers your terms with ${card}`,
        accepted: `${fromName} accepted ${card}: it is in force`,
        rejected: `${fromName} rejected ${card}`,
      }[news];
      const summary = {
        proposed: `${fromName} proposes new terms (${card}). Nothing changes until you accept them.`,
        countered: `${fromName} answered your proposal with other terms (${card}). Accept them, reject them or counter again.`,
        accepted: `${fromName} accepted ${card}. Work from its first day is invoiced at these terms.`,
        rejected: `${fromName} rejected ${card}. The terms in force stay as they were.`,
      }[news];
      return render(subject, [summary, ...terms.map((t) => `• ${t}`)], {
        label: news === "proposed" || news === "countered" ? "Answer the proposal" : "View the rate cards",
        url,
      });
    }
    case "nte-increase-requested": {
      const { companyName, workOrderNumber, title, reason, lines, from, to, url } = email.data;
      return render(
        `${companyName} asks to raise the not-to-exceed of #${workOrderNumber} to ${to}`,
        [
          `${companyName} asks to raise the not-to-exceed amount of work order #${workOrderNumber} (${title}) from ${from} to ${to}, before tax.`,
          `Reason: ${reason}`,
          "The extra lines:",
          ...lines.map((line) => `• ${line}`),
        ],
        { label: "Decide on the request", url },
      );
    }
    case "nte-increase-decided": {
      const { clientName, workOrderNumber, title, decision, notToExceed, note, url } = email.data;
      return render(
        `${clientName} ${decision} your not-to-exceed increase for #${workOrderNumber}`,
        [
          decision === "approved"
            ? `${clientName} approved the increase for work order #${workOrderNumber} (${title}): the not-to-exceed amount is now ${notToExceed}, before tax, and the extra lines are part of the approved estimate.`
            : `${clientName} rejected the increase for work order #${workOrderNumber} (${title}). The not-to-exceed amount stays ${notToExceed}, before tax.`,
          ...(note ? [`Their note: ${note}`] : []),
        ],
        { label: "View the task", url },
      );
    }
    case "task-cancelled": {
      const { clientName, workOrderNumber, title, reason, url } = email.data;
      return render(
        `Task withdrawn by ${clientName}: #${workOrderNumber} ${title}`,
        [
          `${clientName} has withdrawn work order #${workOrderNumber} (${title}) from your company.`,
          `Reason: ${reason}`,
          "Please do not attend. The task stays readable in your Desk.",
        ],
        { label: "View the task", url },
      );
    }
    case "task-updated": {
      const { clientName, workOrderNumber, title, changes, url } = email.data;
      return render(
        `${clientName} changed #${workOrderNumber} ${title}`,
        [
          `${clientName} changed the ${changes.join(", ")} of work order #${workOrderNumber} (${title}).`,
          "Please check the task before you attend.",
        ],
        { label: "View the task", url },
      );
    }
    case "message-posted": {
      const { from, workOrderNumber, title, body, url } = email.data;
      return render(
        `${from} wrote about #${workOrderNumber} ${title}`,
        [`${from} wrote:`, body, "Reply in Fieldgate so the whole thread stays with the work order."],
        { label: "Open the conversation", url },
      );
    }
    case "person-invitation": {
      const { companyName, invitedBy, role, url } = email.data;
      return render(
        `${invitedBy} invites you to join ${companyName} on Fieldgate`,
        [
          `${invitedBy} invites you to work for ${companyName} on Fieldgate, as ${role}.`,
          "Nothing changes until you accept: the company sees only your email address, and you can decline.",
        ],
        { label: "Accept or decline", url },
      );
    }
    case "person-invited": {
      const { name, companyName, invitedBy, url } = email.data;
      return render(
        `${invitedBy} added you to ${companyName} on Fieldgate`,
        [
          `Hello ${name},`,
          `${invitedBy} added you to ${companyName} on Fieldgate, where the company receives and completes work from its clients.`,
          "No password is needed: the link signs you in.",
        ],
        { label: "Open Fieldgate", url },
      );
    }
    case "contractor-invited": {
      const { name, clientName, companyName, url } = email.data;
      return render(
        `${clientName} invites ${companyName} to Fieldgate`,
        [
          `Hello ${name},`,
          `${clientName} uses Fieldgate to send maintenance work to contractors and has added ${companyName} to its network.`,
          "Work they send you will appear in your Desk. There is no fee and no password: the link signs you in.",
        ],
        { label: "Open my Desk", url },
      );
    }
    case "password-reset": {
      const { name, companyName, resetBy, url } = email.data;
      return render(
        `Your Fieldgate password was reset by ${companyName}`,
        [
          `Hello ${name},`,
          `${resetBy}, an admin of ${companyName}, has reset your Fieldgate password. You have been signed out everywhere.`,
          "Use the link below to sign in; you can set a new password in My preferences. If you did not expect this, tell your company's admin.",
        ],
        { label: "Sign in to Fieldgate", url },
      );
    }
    case "quote-request-changed": {
      const { clientName, title, change, detail } = email.data;
      return change === "cancelled"
        ? render(`${clientName} cancelled its request for quote: ${title}`, [
            `${clientName} has cancelled its request for quote for ${title}: “${detail}”.`,
            "No answer is needed any more; what you submitted stays readable through your link.",
          ])
        : render(`New deadline from ${clientName}: ${title}`, [
            `${clientName} has moved the deadline for quotes for ${title} to ${detail}.`,
            "Your link works as before.",
          ]);
    }
    case "quote-reminder": {
      const { clientName, title, deadline, url } = email.data;
      return render(
        `Reminder: quote for ${clientName} due by ${deadline}`,
        [
          `${clientName} asked you to quote for ${title}, and has no answer from you yet.`,
          `Answers are due by ${deadline}. You can submit a quote, or decline with a reason so ${clientName} knows.`,
        ],
        { label: "Open the request", url },
      );
    }
    case "quote-question-answered": {
      const { clientName, title, question, answer, url } = email.data;
      return render(
        `${clientName} answered a question: ${title}`,
        [
          `A bidder asked about ${title}, and ${clientName} has answered for every bidder.`,
          `Question: “${question}”`,
          `Answer: “${answer}”`,
        ],
        { label: "Open the request", url },
      );
    }
    case "quote-request-revised": {
      const { clientName, title, changes, url } = email.data;
      return render(
        `${clientName} changed its request for quote: ${title}`,
        [
          `${clientName} has changed its request for quote for ${title}:`,
          ...changes,
          "A quote you sent before the change is marked as given for the earlier version until you confirm or revise it.",
        ],
        { label: "Open the request", url },
      );
    }
    case "quote-awarded": {
      const { clientName, title, gross, plannedOn, url } = email.data;
      return render(
        `${clientName} accepted your quote: ${title}`,
        [
          `${clientName} has accepted your quote of ${gross} for ${title}.`,
          `The work is yours, planned for ${plannedOn} as you proposed. The task is on your Desk with the site's access details.`,
        ],
        { label: "Open the task", url },
      );
    }
    case "quote-not-awarded": {
      const { clientName, title, rank } = email.data;
      return render(`${clientName}: ${title}, not awarded`, [
        `Thank you for quoting for ${title}. ${clientName} has awarded the work to another bidder.`,
        ...(rank ? [`For your information, ${rank}.`] : []),
      ]);
    }
    case "quote-invitation": {
      const { clientName, title, place, deadline, url, greeting } = email.data;
      return render(
        `Request for quote from ${clientName}: ${title}`,
        [
          `${greeting},`,
          `${clientName} invites you to quote for ${title} in ${place}.`,
          `Answers are due by ${deadline}. Until then you can save a draft, submit your quote and revise it as often as you need, or decline with a reason.`,
          "The link is yours alone: it opens this request and nothing else.",
        ],
        { label: "Open the request", url },
      );
    }
    case "portal-link": {
      const { clientName, title, url, expiresAt, view, purpose, message, senderName } = email.data;
      return render(
        view ? `${clientName}: ${view} for ${title}` : `${clientName}: ${title}`,
        [
          `${senderName ? `${senderName} at ${clientName}` : clientName} has shared ${view ? `the ${view.toLowerCase()} for ` : ""}work order ${title} with you${purpose ? `, to ${purpose}` : ""}.`,
          ...(message ? [message] : []),
          `The link is for you alone and expires on ${expiresAt}. Opening it changes nothing: every decision is a button on the page.`,
        ],
        { label: view ? `Open the ${view.toLowerCase()}` : "View the work order", url },
      );
    }
    case "portal-link-copy": {
      const { clientName, title, view, recipients, linkEnding, expiresAt, senderName, url } = email.data;
      return render(
        `Copy: ${view} for ${title} sent to ${recipients.join(", ")}`,
        [
          `${senderName} sent the ${view.toLowerCase()} for work order ${title} (${clientName}) to ${recipients.join(", ")}.`,
          `The link ends in …${linkEnding} and expires on ${expiresAt}. This copy does not open it; the work order lists every link and can withdraw it.`,
        ],
        { label: "Open the work order", url },
      );
    }
    case "portal-new-link-asked": {
      const { title, who, view, why, url } = email.data;
      return render(
        `${who} asks for a new link to ${title}`,
        [
          `${who} opened the ${view.toLowerCase()} link for work order ${title}, but it ${why}, and asks for a new one.`,
          "Nothing was sent: a manager sends a new link from the work order.",
        ],
        { label: "Open the work order", url },
      );
    }
    case "estimate-comment-reply": {
      const { clientName, title, line, author, excerpt } = email.data;
      return render(`${clientName} replied to your comment on ${title}`, [
        `${author} replied to your comment on “${line}”:`,
        excerpt,
        `Open the link ${clientName} sent you to read the whole conversation and answer.`,
      ]);
    }
  }
}
