global using Enrolment.TestKit;
global using Xunit;
