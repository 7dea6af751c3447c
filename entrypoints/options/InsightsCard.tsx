/** Where Insights opens from Options: its own page (entrypoints/insights/), loaded only when opened. */
export function InsightsCard() {
  return (
    <section className="card">
      <h2>Insights</h2>
      <p className="muted">Trends over a period: incidents per week, time to resolve, outcomes, follow-ups, customer updates and reviews.</p>
      <a href="/insights.html" target="_blank" rel="noopener">
        Open Insights
      </a>
    </section>
  );
}
