import type { Area } from './areas';

export function PlaceholderPage({ area }: { area: Area }) {
  return (
    <section className="page page--placeholder" aria-labelledby="page-title">
      <h1 id="page-title">{area.name}</h1>
      <p className="placeholder__lead">This area is not built yet.</p>
      {area.comingSoon ? (
        <>
          <p>
            <strong>It will hold:</strong> {area.comingSoon.holds}
          </p>
          <p>{area.comingSoon.arrives}</p>
        </>
      ) : null}
    </section>
  );
}
