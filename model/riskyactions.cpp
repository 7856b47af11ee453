// The risky action sets (riskyactions.h), written from the published descriptions of IAM
// privilege escalation (Rhino Security Labs, 2018, and the paths documented since) and of
// the API calls that return credentials.

#include "model/riskyactions.h"

#include "model/casefold.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace iamx {
namespace {

using Actions = std::string_view[];

// IAM alone: rewrite what one already has.
constexpr Actions createPolicyVersion = { "iam:CreatePolicyVersion" };
constexpr Actions setDefaultPolicyVersion = { "iam:SetDefaultPolicyVersion" };
constexpr Actions attachUserPolicy = { "iam:AttachUserPolicy" };
constexpr Actions attachGroupPolicy = { "iam:AttachGroupPolicy" };
constexpr Actions attachRolePolicy = { "iam:AttachRolePolicy", "sts:AssumeRole" };
constexpr Actions putUserPolicy = { "iam:PutUserPolicy" };
constexpr Actions putGroupPolicy = { "iam:PutGroupPolicy" };
constexpr Actions putRolePolicy = { "iam:PutRolePolicy", "sts:AssumeRole" };
constexpr Actions addUserToGroup = { "iam:AddUserToGroup" };
constexpr Actions updateAssumeRolePolicy = { "iam:UpdateAssumeRolePolicy", "sts:AssumeRole" };
constexpr Actions deleteUserBoundary = { "iam:DeleteUserPermissionsBoundary" };
constexpr Actions deleteRoleBoundary = { "iam:DeleteRolePermissionsBoundary" };
constexpr Actions putUserBoundary = { "iam:PutUserPermissionsBoundary" };
constexpr Actions putRoleBoundary = { "iam:PutRolePermissionsBoundary" };
// IAM: become another user.
constexpr Actions createAccessKey = { "iam:CreateAccessKey" };
constexpr Actions createLoginProfile = { "iam:CreateLoginProfile" };
constexpr Actions updateLoginProfile = { "iam:UpdateLoginProfile" };
// Pass a role to a service that runs code of one's choosing.
constexpr Actions passRoleEc2 = { "iam:PassRole", "ec2:RunInstances" };
constexpr Actions passRoleSpot = { "iam:PassRole", "ec2:RequestSpotInstances" };
constexpr Actions passRoleAutoScaling = { "iam:PassRole", "autoscaling:CreateLaunchConfiguration",
    "autoscaling:CreateAutoScalingGroup" };
constexpr Actions passRoleLambdaInvoke = { "iam:PassRole", "lambda:CreateFunction",
    "lambda:InvokeFunction" };
constexpr Actions passRoleLambdaEvent = { "iam:PassRole", "lambda:CreateFunction",
    "lambda:CreateEventSourceMapping" };
constexpr Actions passRoleGlueEndpoint = { "iam:PassRole", "glue:CreateDevEndpoint" };
constexpr Actions passRoleGlueJob = { "iam:PassRole", "glue:CreateJob", "glue:StartJobRun" };
constexpr Actions passRoleCloudFormation = { "iam:PassRole", "cloudformation:CreateStack" };
constexpr Actions passRoleDataPipeline = { "iam:PassRole", "datapipeline:CreatePipeline",
    "datapipeline:PutPipelineDefinition", "datapipeline:ActivatePipeline" };
constexpr Actions passRoleSageMaker = { "iam:PassRole", "sagemaker:CreateNotebookInstance",
    "sagemaker:CreatePresignedNotebookInstanceUrl" };
constexpr Actions passRoleCodeStar = { "iam:PassRole", "codestar:CreateProject" };
constexpr Actions passRoleEcs = { "iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask" };
constexpr Actions passRoleCodeBuild = { "iam:PassRole", "codebuild:CreateProject",
    "codebuild:StartBuild" };
constexpr Actions passRoleAppRunner = { "iam:PassRole", "apprunner:CreateService" };
// Take over something that already runs with a role.
constexpr Actions updateFunctionCode = { "lambda:UpdateFunctionCode" };
constexpr Actions updateGlueEndpoint = { "glue:UpdateDevEndpoint" };
constexpr Actions updateGlueJob = { "glue:UpdateJob", "glue:StartJobRun" };
constexpr Actions updateCodeBuild = { "codebuild:UpdateProject", "codebuild:StartBuild" };
constexpr Actions notebookUrl = { "sagemaker:CreatePresignedNotebookInstanceUrl" };
constexpr Actions ssmSendCommand = { "ssm:SendCommand" };
constexpr Actions ssmStartSession = { "ssm:StartSession" };
constexpr Actions instanceConnect = { "ec2-instance-connect:SendSSHPublicKey" };

constexpr auto paths = std::to_array<EscalationPath>({
        { "CreatePolicyVersion", createPolicyVersion,
                "write a new default version, granting anything, of a managed policy attached "
                "to oneself" },
        { "SetDefaultPolicyVersion", setDefaultPolicyVersion,
                "make an older, broader version of an attached managed policy the default" },
        { "AttachUserPolicy", attachUserPolicy,
                "attach any managed policy (AdministratorAccess) to oneself" },
        { "AttachGroupPolicy", attachGroupPolicy,
                "attach any managed policy to a group one belongs to" },
        { "AttachRolePolicy", attachRolePolicy,
                "attach any managed policy to a role one can assume" },
        { "PutUserPolicy", putUserPolicy, "write an inline policy granting anything onto oneself" },
        { "PutGroupPolicy", putGroupPolicy,
                "write an inline policy granting anything onto a group one belongs to" },
        { "PutRolePolicy", putRolePolicy,
                "write an inline policy granting anything onto a role one can assume" },
        { "AddUserToGroup", addUserToGroup, "add oneself to a more privileged group" },
        { "UpdateAssumeRolePolicy", updateAssumeRolePolicy,
                "rewrite a privileged role's trust policy to let oneself assume it" },
        { "DeleteUserPermissionsBoundary", deleteUserBoundary,
                "remove the permissions boundary that caps one's user" },
        { "DeleteRolePermissionsBoundary", deleteRoleBoundary,
                "remove the permissions boundary that caps one's role" },
        { "PutUserPermissionsBoundary", putUserBoundary,
                "replace one's user's permissions boundary by a policy that allows everything" },
        { "PutRolePermissionsBoundary", putRoleBoundary,
                "replace one's role's permissions boundary by a policy that allows everything" },
        { "CreateAccessKey", createAccessKey,
                "create an access key for a more privileged user and act as that user", true },
        { "CreateLoginProfile", createLoginProfile,
                "give a more privileged user without a console password one, and sign in as "
                "that user",
                true },
        { "UpdateLoginProfile", updateLoginProfile,
                "change a more privileged user's console password and sign in as that user", true },
        { "PassRoleToEC2", passRoleEc2,
                "launch an instance with a more privileged role and take its credentials from "
                "the instance metadata",
                false, "ec2.amazonaws.com" },
        { "PassRoleToSpotInstance", passRoleSpot,
                "request a Spot Instance with a more privileged role and take its credentials",
                false, "ec2.amazonaws.com" },
        { "PassRoleToAutoScaling", passRoleAutoScaling,
                "have Auto Scaling launch instances with a more privileged role", false,
                "ec2.amazonaws.com" },
        { "PassRoleToNewLambdaInvoke", passRoleLambdaInvoke,
                "create a function with a more privileged role and invoke it", false,
                "lambda.amazonaws.com" },
        { "PassRoleToNewLambdaEventSource", passRoleLambdaEvent,
                "create a function with a more privileged role and have an event source run it",
                false, "lambda.amazonaws.com" },
        { "PassRoleToGlueDevEndpoint", passRoleGlueEndpoint,
                "create a Glue development endpoint with a more privileged role and log in to it",
                false, "glue.amazonaws.com" },
        { "PassRoleToGlueJob", passRoleGlueJob,
                "create and run a Glue job with a more privileged role", false,
                "glue.amazonaws.com" },
        { "PassRoleToCloudFormation", passRoleCloudFormation,
                "create a stack that CloudFormation builds with a more privileged role", false,
                "cloudformation.amazonaws.com" },
        { "PassRoleToDataPipeline", passRoleDataPipeline,
                "define and run a pipeline whose activities run with a more privileged role", false,
                "datapipeline.amazonaws.com" },
        { "PassRoleToSageMakerNotebook", passRoleSageMaker,
                "create a notebook instance with a more privileged role and open it", false,
                "sagemaker.amazonaws.com" },
        { "PassRoleToCodeStar", passRoleCodeStar,
                "create a CodeStar project that acts with a more privileged role", false,
                "codestar.amazonaws.com" },
        { "PassRoleToECS", passRoleEcs,
                "register and run a task whose task role is more privileged", false,
                "ecs-tasks.amazonaws.com" },
        { "PassRoleToCodeBuild", passRoleCodeBuild,
                "create and start a build project with a more privileged service role", false,
                "codebuild.amazonaws.com" },
        { "PassRoleToAppRunner", passRoleAppRunner,
                "create an App Runner service with a more privileged instance role", false,
                "tasks.apprunner.amazonaws.com" },
        { "UpdateLambdaCode", updateFunctionCode,
                "replace the code of a function that runs with a more privileged role" },
        { "UpdateGlueDevEndpoint", updateGlueEndpoint,
                "add one's SSH key to an existing Glue development endpoint and use its role" },
        { "UpdateGlueJob", updateGlueJob,
                "change the script of an existing Glue job and run it with the job's role" },
        { "UpdateCodeBuildProject", updateCodeBuild,
                "change an existing build project's commands and run them with its role" },
        { "SageMakerNotebookUrl", notebookUrl,
                "open an existing notebook instance and act with its role" },
        { "SsmSendCommand", ssmSendCommand,
                "run commands on an instance and act with its instance profile role" },
        { "SsmStartSession", ssmStartSession,
                "open a shell on an instance and act with its instance profile role" },
        { "EC2InstanceConnect", instanceConnect,
                "push an SSH key to an instance, log in and act with its instance profile role" },
});

// Sorted by name ignoring case (isCredentialExposureAction searches it).
constexpr auto credentialActions = std::to_array<std::string_view>({
        "chime:CreateApiKey",
        "codeartifact:GetAuthorizationToken",
        "codepipeline:PollForJobs",
        "cognito-identity:GetCredentialsForIdentity",
        "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "connect:GetFederationToken",
        "ec2:GetPasswordData",
        "ecr-public:GetAuthorizationToken",
        "ecr:GetAuthorizationToken",
        "gamelift:GetComputeAccess",
        "gamelift:GetInstanceAccess",
        "gamelift:RequestUploadCredentials",
        "iam:CreateAccessKey",
        "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateAccessKey",
        "lightsail:DownloadDefaultKeyPair",
        "lightsail:GetInstanceAccessDetails",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "mediapackage:RotateChannelCredentials",
        "mediapackage:RotateIngestEndpointCredentials",
        "redshift-serverless:GetCredentials",
        "redshift:GetClusterCredentials",
        "redshift:GetClusterCredentialsWithIAM",
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:AssumeRoot",
        "sts:GetFederationToken",
        "sts:GetServiceBearerToken",
        "sts:GetSessionToken",
});

bool lessIgnoringCase(std::string_view a, std::string_view b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        return lower(x) < lower(y);
    });
}

} // namespace

std::span<const EscalationPath> privilegeEscalationPaths()
{
    return paths;
}

std::vector<const EscalationPath *> escalationPathsEnabled(
        const std::function<bool(std::string_view action)> &allows)
{
    // Paths share actions (iam:PassRole, sts:AssumeRole): ask about each once.
    std::unordered_map<std::string_view, bool> answers;
    const auto allowed = [&](std::string_view action) {
        const auto [it, inserted] = answers.try_emplace(action, false);
        if (inserted)
            it->second = allows(action);
        return it->second;
    };
    std::vector<const EscalationPath *> enabled;
    for (const EscalationPath &path : paths)
        if (std::all_of(path.actions.begin(), path.actions.end(), allowed))
            enabled.push_back(&path);
    return enabled;
}

std::span<const std::string_view> credentialExposureActions()
{
    return credentialActions;
}

bool isCredentialExposureAction(std::string_view action)
{
    const auto found = std::lower_bound(
            credentialActions.begin(), credentialActions.end(), action, lessIgnoringCase);
    return found != credentialActions.end() && asciiEqualsIgnoreCase(*found, action);
}

} // namespace iamx
