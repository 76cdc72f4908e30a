/**
 * A count with its words in agreement: plural(1, "person has", "people have") is "1 person has",
 * plural(2, "answer") is "2 answers". The one helper every card, command and document uses.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
