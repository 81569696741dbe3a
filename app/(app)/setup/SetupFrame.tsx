// The wizard's frame: where you are ("Step 2 of 4"), the steps (the ones before are links), the
// step's content, and the ways on: continue, skip the step, or skip the whole setup.
import Link from "@/app/_components/Link";
import { SETUP_STEPS, SETUP_STEP_TITLES, type SetupStep } from "@/lib/schemas/setup";
import { finishSetupAction, goToStepAction } from "./actions";
import { SubmitButton } from "@/app/_components/SubmitButton";

export function SetupFrame({
  step,
  intro,
  children,
  next,
  canContinue = true,
}: {
  step: SetupStep;
  intro: string;
  children: React.ReactNode;
  /** The continue button's step; none on the last step (it has "Finish"). */
  next?: SetupStep;
  canContinue?: boolean;
}) {
  const index = SETUP_STEPS.indexOf(step);
  return (
    <>
      <div className="page-head">
        <p className="muted" style={{ margin: 0 }}>
          Set up your organization · Step {index + 1} of {SETUP_STEPS.length}
        </p>
        <h1>{SETUP_STEP_TITLES[step]}</h1>
        <p className="muted">{intro}</p>
      </div>
      <nav aria-label="Setup steps" style={{ marginBottom: "1rem" }}>
        <ol className="row" style={{ listStyle: "none", padding: 0, margin: 0, gap: "0.5rem 1.25rem" }}>
          {SETUP_STEPS.map((s, i) => (
            <li key={s}>
              {i === index ? (
                <strong aria-current="step">
                  {i + 1}. {SETUP_STEP_TITLES[s]}
                </strong>
              ) : (
                <Link href={`/setup/${s}`} className={i > index ? "muted" : undefined}>
                  {i + 1}. {SETUP_STEP_TITLES[s]}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {children}
      <div className="row" style={{ marginTop: "1.25rem", alignItems: "center" }}>
        {next ? (
          <>
            {canContinue ? (
              <form action={goToStepAction}>
                <input type="hidden" name="to" value={next} />
                <SubmitButton pendingText="Continuing…">Continue</SubmitButton>
              </form>
            ) : null}
            <form action={goToStepAction}>
              <input type="hidden" name="to" value={next} />
              <SubmitButton className="link-button" pendingText="Skipping…">
                Skip this step
              </SubmitButton>
            </form>
          </>
        ) : (
          <form action={finishSetupAction}>
            <input type="hidden" name="how" value="finish" />
            <SubmitButton pendingText="Finishing…">Finish setup</SubmitButton>
          </form>
        )}
        <form action={finishSetupAction} style={{ marginLeft: "auto" }}>
          <input type="hidden" name="how" value="skip" />
          <SubmitButton className="link-button" pendingText="Skipping…">
            Skip setup
          </SubmitButton>
        </form>
      </div>
    </>
  );
}
