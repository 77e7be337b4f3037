import type { ScoredMemory } from '../../../../shared';
import { formatPercent } from './memory-format';

/** Why a search result ranks where it does: the fused score and what contributed to it. */
export function ResultScore({ result }: { result: ScoredMemory }) {
  return (
    <span className="score">
      <span className="score__value" title="Keyword and meaning ranks fused (reciprocal rank fusion); higher is better">
        score {result.score.toFixed(3)}
      </span>
      {result.similarity !== null ? (
        <span title="How close in meaning to your words">{formatPercent(result.similarity)} similar</span>
      ) : null}
      {result.vectorRank !== null ? (
        <span title="Its place among the closest in meaning">#{result.vectorRank} by meaning</span>
      ) : null}
      {result.keywordRank !== null ? (
        <span title="Its place among keyword matches">#{result.keywordRank} by keywords</span>
      ) : null}
      {result.viaEntity ? (
        <span className="score__via" title="Found because it mentions someone or something named in your search">
          via {result.viaEntity}
        </span>
      ) : null}
    </span>
  );
}
