function evalRPN(expression: string): number {
  const stack: number[] = [];
  for (const token of expression.split(" ")) {
    if (token === "+" || token === "-" || token === "*" || token === "/") {
      const right = stack.pop()!;
      const left = stack.pop()!;
      if (token === "+") stack.push(left + right);
      else if (token === "-") stack.push(left - right);
      else if (token === "*") stack.push(left * right);
      else stack.push(Math.trunc(left / right));
    } else {
      stack.push(Number(token));
    }
  }
  return stack[stack.length - 1];
}
