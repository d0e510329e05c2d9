/**
 * @param {number[]} stacks
 * @param {number} h
 * @return {number}
 */
function minPrintSpeed(stacks, h) {
  // Return the smallest speed k that prints every stack within h hours.
  return 0;
}
