// Every view, its heading, and one fact of the seed article it must show: what the
// end-to-end tests check and the screenshots cover.
export const VIEWS = [
  { id: 'overview', nav: 'Overview', title: 'DevOps, SRE and DevSecOps at a glance', fact: '2003 Google' },
  { id: 'devops', nav: 'DevOps', title: 'What is DevOps?', fact: 'Automate everything that can be automated' },
  { id: 'sre', nav: 'SRE', title: 'What is SRE?', fact: 'If the SLO is 99.9%, you have a 0.1% “error budget” to use.' },
  { id: 'devsecops', nav: 'DevSecOps', title: 'What is DevSecOps?', fact: 'Trivy, Clair' },
  { id: 'together', nav: 'Working together', title: 'How the three work together', fact: 'Independent DevOps, SRE, DevSecOps teams' },
  { id: 'mlops', nav: 'MLOps', title: 'What about MLOps?', fact: 'Kubeflow, Airflow' },
  { id: 'career', nav: 'Career', title: 'Choosing your path', fact: 'NT$1.4M to NT$2M' },
  { id: 'quiz', nav: 'Quiz', title: 'Test yourself', fact: 'divided by the number of right options; never below zero' },
];
