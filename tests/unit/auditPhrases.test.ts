// Every action the services write to the audit trail reads as a sentence of its own. The actions
// are read from the source (lib/services/**: each `action:` of an audit row, and the account
// changes recorded through auditAccountChange), so a new audited action without a phrase in
// lib/domain/auditPhrases.ts fails here, as does an action built at run time that no one can read.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { describeAuditEvent, hasAuditPhrase } from "@/lib/domain/auditText";

const SERVICES = path.resolve(__dirname, "../../lib/services");
const ACTION = /^[a-z_]+(\.[a-z_]+)+$/;

/** Every audited action string in the services, and the places whose action is not a literal. */
function auditedActions(): { actions: Set<string>; unreadable: string[] } {
  const actions = new Set<string>();
  const unreadable: string[] = [];
  for (const file of readdirSync(SERVICES, { recursive: true, encoding: "utf8" })) {
    // audit.ts writes whatever action it is handed.
    if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file === "audit.ts") continue;
    const source = ts.createSourceFile(file, readFileSync(path.join(SERVICES, file), "utf8"), ts.ScriptTarget.Latest, true);
    // The literals an expression can evaluate to; anything else makes it unreadable.
    const literals = (node: ts.Expression, where: string) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) actions.add(node.text);
      else if (ts.isConditionalExpression(node)) {
        literals(node.whenTrue, where);
        literals(node.whenFalse, where);
      } else if (ts.isParenthesizedExpression(node)) literals(node.expression, where);
      else unreadable.push(where);
    };
    const visit = (node: ts.Node) => {
      // `action: …` of an audit row (handed to recordAudit or auditEvent.createMany). The only other
      // `action` in the services is an email's button, an object.
      if (ts.isPropertyAssignment(node) && node.name.getText() === "action" && !ts.isObjectLiteralExpression(node.initializer)) {
        literals(node.initializer, `${file}: action: ${node.initializer.getText()}`);
      }
      if (ts.isCallExpression(node) && node.expression.getText() === "auditAccountChange" && node.arguments[2]) literals(node.arguments[2], `${file}: auditAccountChange`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { actions, unreadable };
}

describe("the audit trail in words, for every action the services record", () => {
  const { actions, unreadable } = auditedActions();

  it("finds the actions as literals in the source", () => {
    expect(unreadable).toEqual([]);
    // Memberships, invitations, teams, measures, entries, observations, check-ins, programs, settings…
    expect(actions.size).toBeGreaterThan(60);
    for (const a of actions) expect(a).toMatch(ACTION);
  });

  it.each([...auditedActions().actions].sort())("has a phrase for %s", (action) => {
    expect(hasAuditPhrase(action)).toBe(true);
    // Even with nothing recorded but the action, it reads as a sentence by the actor, not as a code.
    const sentence = describeAuditEvent({ action, entityType: "X", entityId: "x", actor: "Alex Morgan", before: null, after: null });
    expect(sentence).toMatch(/\.$/);
    expect(sentence).not.toContain(action);
    expect(sentence).not.toMatch(/undefined|null|\[object/);
    expect(sentence).not.toMatch(/ \.$|  /);
  });

  it("names an action it has no phrase for by its code, in a sentence", () => {
    expect(hasAuditPhrase("widget.frobnicate")).toBe(false);
    expect(describeAuditEvent({ action: "widget.frobnicate", entityType: "Widget", actor: "Alex", before: null, after: null })).toBe("Alex recorded “widget.frobnicate” on widget.");
  });
});
