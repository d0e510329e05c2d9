function minPrintSpeed(stacks: number[], h: number): number {
  // Return the smallest speed k that prints every stack within h hours.
  return 0;
}
