import { test } from '../support/phone-fixtures';

test.describe.configure({ timeout: 150_000 });

test('second line: A holds C, takes D on line 2, swaps back; the audio follows the active line', async ({ party }) => {
  const [agent, carla, dario] = await Promise.all([
    party('Agent', { tone: 440 }),
    party('Carla', { tone: 660 }),
    party('Dario', { tone: 880 }),
  ]);

  await carla.dial(agent);
  await agent.answer(1);
  await agent.hearsOnly(660);

  await agent.hold(1);
  await dario.dial(agent);
  await agent.expectLine(2, 'ringing-in');
  await agent.answer(2);
  await agent.expectLine(1, 'held');
  await agent.hearsOnly(880);
  await dario.hears(440);
  await carla.doesNotHear(440);

  // Swap: Carla back, Dario on hold.
  await agent.page.getByTestId('phone-swap').click();
  await agent.expectLine(1, 'active');
  await agent.expectLine(2, 'held');
  await agent.hearsOnly(660);
  await carla.hears(440);
  await dario.doesNotHear(440);

  await agent.hangUp(1);
  await carla.expectLineOver(1);
  await agent.resume(2);
  await agent.hearsOnly(880);
  await dario.hangUp(1);
  await agent.expectEnded(2, 'hangup-remote');
});

test('a third call while both lines are busy gets busy, and the agent’s calls carry on', async ({ party }) => {
  const [agent, carla, dario, eva] = await Promise.all([
    party('Agent', { tone: 440 }),
    party('Carla', { tone: 660 }),
    party('Dario', { tone: 880 }),
    party('Eva', { tone: 660 }),
  ]);
  await carla.dial(agent);
  await agent.answer(1);
  await dario.dial(agent);
  await agent.answer(2);
  await eva.dial(agent);
  await eva.expectEnded(1, 'busy');
  await agent.expectLine(1, 'held');
  await agent.expectLine(2, 'active');
});
