import { esc } from '../html';

/** [term, definition] for every figure the report shows. */
export const DEFINITIONS: readonly (readonly [string, string])[] = [
  ['Window', 'A half-open time span [from, to): a school year runs 1 August to 31 July.'],
  [
    'Tie',
    'Two actors are tied in a window when an interaction of the window links them: its initiator with each participant, and the participants with each other when it has at most the co-participation limit of participants. Repeated interactions make one tie; ties have no direction.',
  ],
  [
    'Actors, ties, interactions (per window)',
    'Actors with at least one tie; distinct tied pairs; interactions in scope that produced at least one tie.',
  ],
  ['Density', 'Ties / (n(n − 1)/2), n the actors of the window.'],
  [
    'Betweenness centralization',
    "Freeman's centralization of normalized shortest-path betweenness: Σ(max − b) / (n − 1); 1 for a star, 0 when every actor brokers equally.",
  ],
  [
    'Tie mix',
    'Shares of the ties by class: Foundation (at least one end is the foundation), Within a network (both ends in the same network: an intermediary and its schools), Across networks (both ends in networks, different ones), Other (a support partner or an unaffiliated school at one end). They sum to 100%.',
  ],
  ["Foundation's share of ties", 'The Foundation class of the tie mix.'],
  ['Cross-network share of ties', 'The Across networks class of the tie mix.'],
  [
    "Foundation's share of initiated interactions",
    'Counted interactions whose recorded initiator is the foundation / all counted interactions of the window.',
  ],
  [
    'Verdict',
    'Each of the four signals is fitted a least-squares line over the windows; it votes when its fitted change (slope × (windows − 1)) is at least 0.05 either way: a fall of betweenness centralization or of either foundation share, or a rise of the cross-network share, votes towards peers. More peer-connected when more signals vote towards peers than towards the hub, more hub-centred when more vote towards the hub, no clear change otherwise.',
  ],
  [
    'Change points (CUSUM)',
    'For each of betweenness centralization, density, the cross-network share, the foundation share of ties and the foundation-initiated share: the first baselineWindows windows (at least 2) give μ₀ (their mean) and σ (their sample standard deviation, n − 1); a signal whose σ is 0 gets no change points. For every later window t, z = (x − μ₀)/σ, C⁺ = max(0, C⁺ + z − k) and C⁻ = max(0, C⁻ − z − k), both from 0 at the end of the baseline. An alarm is the first window where C⁺ > h (up) or C⁻ > h (down), the larger sum when both; "since" is the window after the last one where that sum was 0 (or the first window after the baseline). After an alarm, the alarm window and the baselineWindows − 1 windows after it form a new baseline, both sums restart at 0 and watching resumes after it; a series with fewer than baselineWindows + 1 windows has none.',
  ],
  ['Hub', 'The actor with the most ties in the window (ties broken by the smallest id).'],
  [
    'Betweenness (actor)',
    'Exact shortest-path betweenness, unweighted, normalized by (n − 1)(n − 2)/2: the share of shortest paths between other actors that pass through this one.',
  ],
  ['Degree', 'The number of distinct actors tied to this one.'],
  [
    "Constraint (Burt's)",
    'Σ over partners j of ((1 + Σ over common partners q of 1/deg q) / deg)²; low values mark brokers between groups that are not tied to each other.',
  ],
  ['Gained, lost', 'Ties of this window absent from the previous one; ties of the previous window absent from this one.'],
  ['Persistent share', 'Ties present in both windows / ties of this window.'],
  ['Cross-network gained', 'Gained ties that are across networks in this window.'],
  [
    'Jaccard',
    '|E(t) ∩ E(t − 1)| / |E(t) ∪ E(t − 1)| over the two windows’ tie sets (unordered actor pairs): 1 when the ties are the same, 0 when none persists (0 when both are empty).',
  ],
  ['Hamming', '|E(t) △ E(t − 1)|: the pairs tied in one of the two windows only (gained + lost).'],
  [
    'Survey trust, value (1–4)',
    "Each respondent rates every partner it worked with in the survey's window: trust is the mean of its answered reliability, openness and shared-mission items, value the mean of its answered influence, resources and involvement items. The survey's trust (value) is the mean over all its ratings.",
  ],
  ['Survey coverage', 'High when at least 80% of the roster answered, directional from 65%, read with caution below.'],
  [
    'Confirmed, missing from the log',
    'Of the logged ties of the window with both ends on the roster and at least one responding end, the share a responding end marked as worked together; the pairs a respondent marked as worked together that no interaction of the window ties.',
  ],
  [
    'Map positions',
    'ForceAtlas2 (Jacomy et al. 2014), run once per map for a fixed number of iterations from fixed starting positions, so the same network gives the same map.',
  ],
];

/** The definitions of every figure shown. */
export function definitionsSection(): string {
  return `<section aria-labelledby="definitions-title" class="definitions">
<h2 id="definitions-title">Definitions</h2>
<dl>
${DEFINITIONS.map(([term, text]) => `<div class="definition"><dt>${esc(term)}</dt><dd>${esc(text)}</dd></div>`).join('\n')}
</dl>
</section>`;
}
