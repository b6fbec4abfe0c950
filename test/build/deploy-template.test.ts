import { describe, expect, test } from 'vitest';
import { deployTemplate, FUNCTION_ARN_PLACEHOLDER } from '../../src/build/deploy-template';
import { stateMachineDefinition } from '../../src/runner/stepfunctions/definition';

type Statement = { Sid: string; Action: string | string[]; Resource: unknown };

const t = deployTemplate({
  tables: [{ table: 'orders-prod', region: 'eu-west-1' }, { table: 'orders-dev' }],
  codeUri: 'controller.zip',
  definitionUri: 'controller.asl.json',
}) as Record<string, any>;

function statements(doc: { Statement: Statement[] }): Record<string, Statement> {
  return Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
}
const text = (v: unknown) => JSON.stringify(v);

describe('the SAM template build-controller writes', () => {
  test('deploys the function, the state machine with the function substituted into its definition, and the roles', () => {
    expect(t.Transform).toBe('AWS::Serverless-2016-10-31');
    const fn = t.Resources.ControllerFunction.Properties;
    expect(fn).toMatchObject({ CodeUri: 'controller.zip', Handler: 'index.handler', Timeout: 900 });
    const sm = t.Resources.StepsStateMachine.Properties;
    expect(sm).toMatchObject({ Type: 'STANDARD', DefinitionUri: 'controller.asl.json' });
    // The definition's placeholder is exactly the substitution's key.
    const key = Object.keys(sm.DefinitionSubstitutions)[0]!;
    expect(FUNCTION_ARN_PLACEHOLDER).toBe(`\${${key}}`);
    expect(text(stateMachineDefinition({ functionArn: FUNCTION_ARN_PLACEHOLDER }))).toContain(FUNCTION_ARN_PLACEHOLDER);
    expect(sm.DefinitionSubstitutions[key]).toEqual({ 'Fn::GetAtt': ['ControllerFunction', 'Arn'] });
  });

  test("the function's role reaches only the manifest's tables (and their indexes for reads), in their regions", () => {
    const s = statements(t.Resources.ControllerFunction.Properties.Policies[0]);
    expect(text(s.ReadState!.Resource)).toContain('dynamodb:eu-west-1:${AWS::AccountId}:table/orders-prod/index/*');
    expect(text(s.ReadState!.Resource)).toContain('dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-dev"');
    expect(text(s.WriteStateAndData!.Resource)).not.toContain('index');
    expect(s.WriteStateAndData!.Action).toContain('dynamodb:ConditionCheckItem');
    expect(text(t.Resources.ControllerFunction)).not.toContain('"*"');
  });

  test("the state machine's role invokes only the controller and starts only its own children", () => {
    const role = t.Resources.StepsStateMachineRole.Properties;
    expect(role.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'states.amazonaws.com' });
    const s = statements(role.Policies[0].PolicyDocument);
    expect(s.InvokeController!.Action).toBe('lambda:InvokeFunction');
    expect(text(s.InvokeController!.Resource)).toContain('function:${FunctionName}');
    expect(text(s.DistributedMapChildren!.Resource)).toContain('stateMachine:${StateMachineName}');
    expect(text(s.DistributedMapRuns!.Resource)).toContain('execution:${StateMachineName}/*');
    expect(text(role)).not.toMatch(/"Resource":"\*"/);
  });

  test('the callers get a managed policy: invoke, start, watch and stop, nothing on the table', () => {
    const s = statements(t.Resources.CallerPolicy.Properties.PolicyDocument);
    expect(Object.keys(s)).toEqual(['InvokeController', 'StartSteps', 'WatchAndStopSteps']);
    expect(s.StartSteps!.Action).toContain('states:StartExecution');
    expect(s.WatchAndStopSteps!.Action).toEqual(['states:DescribeExecution', 'states:StopExecution']);
    // Nothing redrives: a step's execution catches its failures and records them, so apply --resume starts a new one.
    expect(text(t)).not.toContain('states:RedriveExecution');
    expect(text(t.Resources.CallerPolicy)).not.toContain('dynamodb:');
    expect(Object.keys(t.Outputs)).toEqual(['ControllerArn', 'StateMachineArn', 'CallerPolicyArn']);
  });
});
