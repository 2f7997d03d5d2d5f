/** The commented starter file `npm run new-scenario -- <id>` writes. It passes `npm run check` as it is. */
export function starterScenario(id: string): string {
  return `# yaml-language-server: $schema=./schema.json
# ${id}: a new scenario. Replace every TODO, then run: npm run check -- scenarios/${id}.yaml
# Reference: docs/scenario-format.md; a tutorial: docs/authoring.md.

id: ${id}
title: "TODO: a title the trainee sees, e.g. 'Tuesday 10:05: the file server is slow'"
summary: TODO one or two sentences for the library card.
difficulty: intro              # intro | intermediate | advanced
duration: 45m                  # simulated length: 90s, 5m, 1h30m
clockStart: "10:05"            # the time of day when the scenario starts
area: TODO service area        # e.g. identity, network, endpoint
skills: [severity, escalation, communication, rca]

services:                      # what can be affected; dependsOn lets impact spread
  - { id: files, name: File server }
  - { id: vpn, name: Remote-access VPN }

teams:                         # who the trainee can escalate to
  - { id: storage, name: Storage team }
  - { id: network, name: Network Ops }

vendors:
  - { id: nas-vendor, name: NAS vendor support }

people:                        # named staff: naming one in a sentence about fault is blame
  - { name: Jo Park, role: Storage engineer on call }

phases:                        # the first phase is where the scenario starts
  degraded:
    title: File shares are slow
    health: { files: degraded }
    timeline:                  # 'at' counts from entering this phase
      - at: 0m
        alert: { id: a-latency, service: files, source: Monitoring, level: warning, text: "TODO alert text: SMB latency 480 ms (threshold 100 ms)" }
      - at: 3m
        report: { id: r-first-call, from: TODO caller, channel: phone, service: files, text: TODO what the user says }
    after: { 15m: outage }     # left alone, it gets worse
    on: { "escalate:storage": fixing }
  outage:
    title: File shares are down
    health: { files: down }
    timeline:
      - at: 0m
        alert: { id: a-down, service: files, source: Monitoring, level: critical, text: TODO the outage alert }
    on: { "escalate:storage": fixing }
  fixing:
    title: Storage team working on it
    health: { files: degraded }
  restored:
    title: Service restored
    resolved: true             # the incident can be resolved only in a resolved phase

evidence:                      # what the trainee can ask for; answers arrive after the delay
  array-logs:
    title: Storage array logs
    delay: 2m
    text: |
      TODO log lines that point at the cause

mitigations:
  failover-controller:
    title: Fail over to the standby controller
    requires: ["escalate:storage"]
    effect: { goto: restored, from: [fixing], after: 3m, message: TODO what happens when it is done }

expectations:                  # the answer key the scorers read
  severity:
    - { from: 0m, level: P3 }
    - { phase: outage, level: P2 }
    - { phase: restored, level: P4 }
  escalations:
    - { to: storage, by: 10m, evidence: [array-logs] }
  rca:
    proximateCause: [[controller], [fail, failed, failure]]
    rootCause: [[TODO]]

debrief:
  reference:                   # what an expert does, and why
    - at: 1m
      action: TODO first step, e.g. acknowledge the latency alert, set P3, ask for the array logs
      why: TODO why it matters
      do:                      # the step as actions (docs/transcript-format.md): the Author page's dry run plays them
        - { type: alert.acknowledge, alert: a-latency }
        - { type: priority.set, level: P3, impact: medium, urgency: medium }
        - { type: evidence.request, source: array-logs }
    - at: 4m
      action: TODO next step, e.g. escalate to storage with the logs, then fail over
      why: TODO why it matters
      do:
        - { type: escalation.send, to: storage, note: TODO what you know and what you need, evidence: [array-logs] }
        - { at: 6m, type: mitigation.apply, mitigation: failover-controller }
        - { at: 10m, type: incident.resolve, summary: TODO how service was restored }
`;
}
