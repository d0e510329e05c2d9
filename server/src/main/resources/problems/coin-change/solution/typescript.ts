function coinChange(coins: number[], amount: number): number {
  const impossible = amount + 1; // more coins than any payment needs
  const best: number[] = new Array(amount + 1).fill(impossible);
  best[0] = 0;
  for (let a = 1; a <= amount; a++) {
    for (const c of coins) {
      if (c <= a && best[a - c] + 1 < best[a]) best[a] = best[a - c] + 1;
    }
  }
  return best[amount] === impossible ? -1 : best[amount];
}
