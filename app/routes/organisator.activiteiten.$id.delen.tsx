import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ShareLinks } from "~/components/share-links";
import { MAX_PERSONAL_LINE } from "~/documents/invitation-card.server";
import { getOwnPrintableActivity, posterPath } from "~/models/organiser-home.server";
import { activitySharePreview } from "~/models/share-preview.server";
import { requireUser } from "~/utils/session.server";
import { idParam } from "~/utils/route-params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const activity = getOwnPrintableActivity(user.id, idParam(params.id));
  if (!activity) throw new Response("Niet gevonden", { status: 404 });
  const share = activitySharePreview(activity);
  return {
    id: activity.id,
    title: activity.title,
    cancelled: activity.cancelled,
    share,
    posterA4: posterPath(activity.id, "A4"),
    posterA3: posterPath(activity.id, "A3"),
    cardPath: `/organisator/activiteiten/${activity.id}/uitnodiging.pdf`,
    maxLine: MAX_PERSONAL_LINE,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Poster, uitnodiging en delen: ${data?.title ?? ""} – Kom erbij` },
];

export default function SharePage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/organisator/activiteiten">Terug naar mijn activiteiten</Link>
      </p>
      <h1>Poster, uitnodiging en delen</h1>
      <p>
        Voor: <strong>{d.title}</strong>
      </p>
      {d.cancelled ? (
        <div className="alert" role="status">
          <p>Deze activiteit is geannuleerd. De poster zegt dat hij niet doorgaat.</p>
        </div>
      ) : null}

      <h2>Poster</h2>
      <p>Een poster met de datum, de plek en een QR-code naar je activiteit. Hij is ook goed in zwart-wit te printen.</p>
      <ul>
        <li>
          <a href={d.posterA4} download>
            Poster A4 downloaden (PDF)
          </a>
        </li>
        <li>
          <a href={d.posterA3} download>
            Poster A3 downloaden (PDF)
          </a>
        </li>
      </ul>

      <h2>Uitnodiging voor de buren</h2>
      <p>
        Twee kaarten (A5) op één A4. Knip ze los langs de streepjes en doe ze in de brievenbus. Schrijf er zelf een zin bij, als
        je wilt.
      </p>
      <form method="get" action={d.cardPath}>
        <div className="field">
          <label htmlFor="regel">Jouw zin voor de buren (mag leeg blijven)</label>
          <p className="hint" id="regel-hint">
            Bijvoorbeeld: Wij drinken koffie in het buurthuis, schuif aan! Hoogstens {d.maxLine} tekens.
          </p>
          <textarea id="regel" name="regel" rows={2} maxLength={d.maxLine} aria-describedby="regel-hint" />
        </div>
        <button type="submit">Uitnodiging maken (PDF)</button>
      </form>

      <h2>Delen</h2>
      <p>
        Stuur de link naar je activiteit door. In WhatsApp en op sociale media verschijnt dan een plaatje met de titel, de dag en
        de plek.
      </p>
      <ShareLinks url={d.share.url} text={`${d.title}: ${d.share.description}`} />
      <img
        src={d.share.imageUrl}
        alt={`Voorbeeld van het plaatje bij een gedeelde link: ${d.share.imageAlt}`}
        width={600}
        height={315}
        className="share-preview"
      />
    </>
  );
}
