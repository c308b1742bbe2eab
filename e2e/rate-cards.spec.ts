import { createContractorPerson } from "../prisma/factories";
import { db, emailTo, expect, signInAs, test } from "./fixtures";

test("staff propose rates, the contractor's admin counters, staff accept: the accepted version is in force, every version kept", async ({
  browser,
  tenant,
}) => {
  const admin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  const staff = await signInAs(browser, tenant.admin.id, "/staff/contractors");
  await staff.getByRole("table", { name: "Contractors" }).getByRole("link", { name: tenant.company.name }).click();
  await staff.getByRole("link", { name: "Rate cards" }).click();
  const panel = staff.getByRole("region", { name: `Terms with ${tenant.company.name}` });
  await expect(panel).toContainText("No rate card yet");
  await panel.getByRole("button", { name: "Propose terms…" }).click();
  const form = panel.getByTestId("propose-form");
  await form.getByLabel("Normal, per hour, GBP").fill("85.555");
  await form.getByRole("button", { name: "Send proposal" }).click();
  await expect(form.getByText("GBP has 2 decimals at most")).toBeVisible();
  await expect(form.getByText("Enter the overtime hourly rate")).toBeVisible();
  await expect(form.getByText("Enter the first day the rates apply")).toBeVisible();
  expect(await db.rateCard.count({ where: { organisationId: tenant.organisation.id } })).toBe(0);
  await form.getByLabel("Normal, per hour, GBP").fill("85");
  await form.getByLabel("Overtime, per hour, GBP").fill("127.50");
  await form.getByLabel("Call-out, per hour, GBP").fill("110");
  await form.getByLabel("Travel, per hour, GBP").fill("40");
  await form.getByLabel("Call-out fee, GBP").fill("60");
  await form.getByLabel("Material markup, %").fill("15");
  await form.getByLabel("From").fill("2026-01-01");
  await form.getByRole("button", { name: "Send proposal" }).click();
  await expect(staff.locator(".toast-region")).toContainText("Proposal sent");
  await expect(panel.getByTestId("rate-card-1")).toContainText("Proposed");
  // Their own proposal is not theirs to accept.
  await expect(panel.getByRole("button", { name: "Accept" })).toHaveCount(0);

  // The contractor's admin is told, with the terms and a link to answer.
  const proposal = await emailTo(admin.user.email, /proposes rate card version 1$/);
  expect(proposal.text).toContain("Per hour: normal £85.00, overtime £127.50");
  const desk = await signInAs(browser, admin.user.id, "/desk/company/profile");
  await desk.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Rate cards" }).click();
  const terms = desk.getByRole("region", { name: `Terms with ${tenant.organisation.name}` });
  await expect(terms.getByTestId("rate-card-1")).toContainText("£85.00");
  const answer = terms.getByTestId("answer-1");
  await answer.getByRole("button", { name: "Counter with other terms…" }).click();
  await answer.getByLabel("Normal, per hour, GBP").fill("92");
  await answer.getByRole("button", { name: "Send counter-proposal" }).click();
  await expect(terms.getByTestId("rate-card-2")).toContainText("£92.00");
  await expect(terms.getByTestId("rate-card-1")).toContainText("Countered");
  await desk.context().close();
  await emailTo(tenant.admin.email, new RegExp(`${tenant.company.name} answers your terms with rate card version 2`));

  await staff.reload();
  await panel.getByTestId("answer-2").getByRole("button", { name: "Accept" }).dblclick();
  await expect(staff.locator(".toast-region")).toContainText("Accepted: these rates are in force.");
  await expect(panel.getByTestId("rate-card-2")).toContainText("Accepted");
  await expect(panel.getByTestId("rate-card-1")).toContainText("Countered");
  const cards = await db.rateCard.findMany({
    where: { organisationId: tenant.organisation.id },
    orderBy: { version: "asc" },
  });
  expect(cards.map((c) => [c.version, c.status, c.normalRate.toFixed(2), c.proposedBy])).toEqual([
    [1, "COUNTERED", "85.00", "client"],
    [2, "ACCEPTED", "92.00", "contractor"],
  ]);
  await staff.context().close();

  // The office reads the terms but does not agree them.
  const office = await signInAs(browser, tenant.office.user.id, "/desk/company/rates");
  await expect(office.getByTestId("rate-card-2")).toContainText("Accepted");
  await expect(office.getByRole("button", { name: "Propose a change…" })).toHaveCount(0);
  await office.context().close();
});
