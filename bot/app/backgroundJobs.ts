/**
 * Work that outlives the turn that started it (posting an area's cards, sending digests): Teams
 * expects an answer within seconds, so the turn acknowledges and the job runs on. Durable progress
 * lives in Tables (claims per card / per recipient), so a job lost with the process is resumed by
 * running the command again; this registry only lets shutdown and tests wait for running jobs.
 */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown, jobName: string) => void) {}

  run(jobName: string, job: () => Promise<void>): void {
    const promise = job()
      .catch((error: unknown) => {
        this.onError(error, jobName);
      })
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }
}
