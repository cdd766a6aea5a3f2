import { randomBytes } from "node:crypto";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PlainField } from "~/components/ui/field";
import {
  availabilityMessage,
  KitOrderInputSchema,
  MAX_EXPECTED_PARTICIPANTS,
  refusalMessage,
  type KitItem,
  deliveryAddressLines,
} from "~/models/kit-order";
import { getKitOrderPage, placeKitOrder } from "~/models/kit-ordering.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatDateTime } from "~/utils/time";
import { idParam } from "~/utils/route-params.server";
import { KitOrderDetails } from "~/components/kit-order-details";
import { lastInclusiveMinute } from "~/models/edition";
import { readFormData } from "~/utils/form-data.server";

type Values = Record<(typeof FIELDS)[number], string>;
type Errors = Record<string, string[] | null | undefined>;
const FIELDS = [
  "deliveryName",
  "deliveryOrganisation",
  "street",
  "houseNumber",
  "houseNumberAddition",
  "postcode",
  "place",
  "expectedParticipants",
  "remarks",
] as const;
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

async function loadPage(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const activityId = idParam(id);
  const page = getKitOrderPage(user, activityId, now());
  if (!page) throw new Response("Niet gevonden", { status: 404 });
  return { user, activityId, page };
}

const rawValues = (formData: FormData): Values =>
  Object.fromEntries(FIELDS.map((name) => [name, String(formData.get(name) ?? "")])) as Values;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await loadPage(request, params.id);
  return {
    activity: { id: page.activity.id, title: page.activity.title, startsAt: page.activity.startsAt.toISOString() },
    year: page.edition.year,
    contents: page.edition.kitContents,
    closesAt: page.edition.orderingClosesAt.toISOString(),
    blocked: page.blocker
      ? refusalMessage(page.blocker, undefined, page.edition.kitLimitPerActivity)
      : availabilityMessage(page.availability),
    liveOrder: page.liveOrder,
    defaults: page.defaults as Values,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activityId } = await loadPage(request, params.id);
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "review");
  const submission = parseWithZod(formData, { schema: KitOrderInputSchema });
  const values = rawValues(formData);

  if (intent === "edit") return { step: "form" as const, values, errors: {} as Errors };
  if (submission.status !== "success")
    return data({ step: "form" as const, values, errors: (submission.error ?? {}) as Errors }, { status: 400 });

  if (intent === "confirm") {
    const submissionKey = String(formData.get("submissionKey") ?? "");
    if (!SUBMISSION_KEY.test(submissionKey))
      return data({ step: "form" as const, values, errors: {} as Errors }, { status: 400 });
    const result = placeKitOrder({ userId: user.id, activityId, input: submission.value, submissionKey, now: now() });
    if (result.ok) return redirect(`/organisator/pakketten/${encodeURIComponent(result.reference)}?besteld=1`, 303);
    if (result.reason === "not_found") throw new Response("Niet gevonden", { status: 404 });
    return data(
      {
        step: "refused" as const,
        message: refusalMessage(result.reason, result.availability, result.kitLimitPerActivity),
        reference: result.reference ?? null,
      },
      { status: 409 },
    );
  }

  const v = submission.value;
  const confirmed: Values = {
    deliveryName: v.deliveryName,
    deliveryOrganisation: v.deliveryOrganisation ?? "",
    street: v.street,
    houseNumber: v.houseNumber,
    houseNumberAddition: v.houseNumberAddition ?? "",
    postcode: v.postcode,
    place: v.place,
    expectedParticipants: String(v.expectedParticipants),
    remarks: v.remarks ?? "",
  };
  return { step: "summary" as const, values: confirmed, submissionKey: randomBytes(18).toString("base64url") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Kom Erbij-pakket bestellen${data ? ` voor ${data.activity.title}` : ""} – Kom erbij` },
];

export default function OrderKit() {
  const { activity, year, contents, closesAt, blocked, liveOrder, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (result?.step === "summary")
    return <Summary title={activity.title} contents={contents} values={result.values} submissionKey={result.submissionKey} />;

  return (
    <>
      <h1>Kom Erbij-pakket bestellen</h1>
      <p>
        Voor je activiteit <strong>{activity.title}</strong> ({formatDateTime(activity.startsAt)}), Week tegen Eenzaamheid {year}.
      </p>
      {result?.step === "refused" ? (
        <div className="alert error" role="alert">
          <p>{result.message}</p>
          {result.reference ? (
            <p>
              <Link to={`/organisator/pakketten/${result.reference}`}>Bekijk de bestelling</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <Contents contents={contents} />
      {blocked ? (
        <div className="alert" role="status">
          <p>{blocked}</p>
          {liveOrder ? (
            <p>
              <Link to={`/organisator/pakketten/${liveOrder.reference}`}>Bekijk je bestelling {liveOrder.reference}</Link>
            </p>
          ) : null}
          <p>
            <Link to="/organisator/pakketten">Naar mijn pakketten</Link>
          </p>
        </div>
      ) : result?.step === "refused" ? null : (
        <OrderForm
          values={result?.step === "form" ? result.values : defaults}
          errors={result?.step === "form" ? result.errors : {}}
          closesAt={closesAt}
        />
      )}
    </>
  );
}

function Contents({ contents }: { contents: KitItem[] }) {
  return (
    <section aria-labelledby="inhoud-pakket">
      <h2 id="inhoud-pakket">Wat zit er in het pakket?</h2>
      <ul>
        {contents.map((c) => (
          <li key={c.item}>
            {c.quantity} × {c.item}
          </li>
        ))}
      </ul>
      <p>Het pakket is gratis. Per activiteit kun je één pakket bestellen.</p>
    </section>
  );
}

function OrderForm({ values, errors, closesAt }: { values: Values; errors: Errors; closesAt: string }) {
  const errorCount = Object.values(errors).filter((e) => e?.length).length;
  const field = (name: (typeof FIELDS)[number]) => ({
    name,
    defaultValue: values[name] ?? "",
    errors: errors[name] ?? undefined,
  });
  return (
    <Form method="post" noValidate aria-labelledby="bestelformulier">
      <h2 id="bestelformulier">Waar moet het pakket heen?</h2>
      <p>
        Bestellen kan tot en met {formatDateTime(lastInclusiveMinute(closesAt))}. We bezorgen alleen op adressen in Nederland.
      </p>
      {errorCount > 0 ? (
        <div className="alert error" role="alert">
          <p>
            Er {errorCount === 1 ? "is 1 veld" : `zijn ${errorCount} velden`} nog niet goed ingevuld. Kijk bij de velden met een
            foutmelding.
          </p>
        </div>
      ) : null}
      <fieldset>
        <legend>Bezorgadres</legend>
        <PlainField label="Naam van wie het pakket aanneemt" autoComplete="name" required {...field("deliveryName")} />
        <PlainField label="Organisatie" autoComplete="organization" {...field("deliveryOrganisation")} />
        <PlainField label="Straat" autoComplete="address-line1" required {...field("street")} />
        <PlainField label="Huisnummer" inputMode="numeric" required hint="Alleen cijfers, zoals 12." {...field("houseNumber")} />
        <PlainField label="Toevoeging" hint="Bijvoorbeeld A of 2-hoog." {...field("houseNumberAddition")} />
        <PlainField label="Postcode" autoComplete="postal-code" required hint="Zoals 1234 AB." {...field("postcode")} />
        <PlainField label="Plaats" autoComplete="address-level2" required {...field("place")} />
      </fieldset>
      <PlainField
        label="Hoeveel deelnemers verwacht je?"
        inputMode="numeric"
        required
        hint={`Een schatting is goed. Een getal van 1 tot en met ${MAX_EXPECTED_PARTICIPANTS.toLocaleString("nl-NL")}.`}
        {...field("expectedParticipants")}
      />
      <PlainField
        label="Opmerkingen"
        multiline
        hint="Bijvoorbeeld wanneer er iemand is om het pakket aan te nemen."
        {...field("remarks")}
      />
      <input type="hidden" name="intent" value="review" />
      <button type="submit">Verder naar controleren</button>
    </Form>
  );
}

function Summary({
  title,
  contents,
  values,
  submissionKey,
}: {
  title: string;
  contents: KitItem[];
  values: Values;
  submissionKey: string;
}) {
  return (
    <>
      <h1>Controleer je bestelling</h1>
      <p>Klopt alles? Klik dan op ‘Bestelling plaatsen’. Pas dan is je bestelling klaar.</p>
      <div className="card">
        <h2>Kom Erbij-pakket voor {title}</h2>
        <KitOrderDetails
          address={deliveryAddressLines(values)}
          expectedParticipants={values.expectedParticipants}
          remarks={values.remarks}
          contents={contents}
        />
      </div>
      <Form method="post">
        {FIELDS.map((name) => (
          <input key={name} type="hidden" name={name} value={values[name] ?? ""} />
        ))}
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <p>
          <button type="submit" name="intent" value="confirm">
            Bestelling plaatsen
          </button>{" "}
          <button type="submit" name="intent" value="edit" className="secondary">
            Gegevens aanpassen
          </button>
        </p>
      </Form>
    </>
  );
}
