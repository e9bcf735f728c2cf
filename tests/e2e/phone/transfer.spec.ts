import { expect, test, type Parties } from '../support/phone-fixtures';

test.describe.configure({ timeout: 150_000 });

/** Carla (the customer) talking to the agent, and the agent's transfer form open for Bruno. */
async function customerTalkingToAgent(party: Parties) {
  const [agent, carla, bruno] = await Promise.all([
    party('Agent', { tone: 440 }),
    party('Carla', { tone: 660 }),
    party('Bruno', { tone: 880 }),
  ]);
  await carla.dial(agent);
  await agent.answer(1);
  await carla.hears(440);
  return { agent, carla, bruno, form: await agent.openTransfer(1, bruno) };
}

test('blind transfer: customer C calls agent A, A transfers to B; C and B hear each other and A’s line is free', async ({ party }) => {
  const { agent, carla, bruno, form } = await customerTalkingToAgent(party);
  await form.getByTestId('line-transfer-blind').click();
  await agent.expectEnded(1, 'transferred');

  await bruno.expectLine(1, 'ringing-in');
  await expect(bruno.line(1).getByTestId('line-remote')).toHaveText(carla.username);
  await bruno.answer(1);
  await carla.expectLine(1, 'active');
  await bruno.hearsOnly(660);
  await carla.hearsOnly(880);

  await bruno.hangUp(1);
  await carla.expectEnded(1, 'hangup-remote');
  await agent.expectLine(1, 'idle');
});

test('attended transfer: A talks to B first on line 2, then joins C and B; both of A’s lines are free', async ({ party }) => {
  const { agent, carla, bruno, form } = await customerTalkingToAgent(party);
  await form.getByTestId('line-transfer-consult').click();
  await agent.expectLine(1, 'held');
  await bruno.answer(1);
  await agent.expectLine(2, 'active');
  await agent.hearsOnly(880);
  await bruno.hears(440);
  await carla.doesNotHear(440);

  await agent.line(2).getByTestId('line-transfer-complete').click();
  await agent.expectEnded(1, 'transferred');
  await agent.expectEnded(2, 'transferred');

  await bruno.hearsOnly(660);
  await carla.hearsOnly(880);
  await expect(bruno.line(1).getByTestId('line-remote')).toHaveText(carla.username);
  await carla.hangUp(1);
  await bruno.expectEnded(1, 'hangup-remote');
});
